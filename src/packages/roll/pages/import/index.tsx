// 导入业主名册 (committee): pick the spreadsheet (a file picker on H5, a chat
// file on WeChat), see the preview — totals by the legal rule and every bad
// row — and only a clean preview can be confirmed as a new roll version.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import type { RollCommitOutput, RollPreviewOutput } from '../../../../contracts/roll'
import { ROLL_COLUMNS } from '../../../../domain/roll-import'
import { commitRoll, fetchRollTemplate, previewPickedRoll, type PickedFile } from '../../../../stores/roll'
import { hasRole } from '../../../../stores/session'
import { BuildingTable, RollStats } from '../../components/building-table'
import { FilePicker } from '../../components/file-picker'
import { useAction } from '../../components/use-action'
import '../../roll.scss'

const ENCODING: Record<string, string> = { utf8: 'UTF-8', gbk: 'GBK（Excel 中文版 CSV）', utf16le: 'UTF-16', utf16be: 'UTF-16' }

/** The template: a download on H5; on WeChat the file is sent to a chat, to open in Excel or WPS on a computer. */
async function downloadTemplate(communityId: string) {
  const t = await fetchRollTemplate(communityId)
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([t.csv], { type: 'text/csv;charset=utf-8' }))
    a.download = t.fileName
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 10000)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${t.fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, t.csv, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName: t.fileName })
}

function PreviewReport({ p }: { p: RollPreviewOutput }) {
  const shown = p.problems.length
  return (
    <View className='gj-card' data-testid='preview'>
      <View className='gj-card__head'>预览：{p.fileName}</View>
      <Text className='gj-muted'>
        {p.format === 'xlsx' ? `Excel 工作簿${p.sheetName ? `「${p.sheetName}」` : ''}` : `CSV，编码 ${ENCODING[p.encoding ?? 'utf8'] ?? p.encoding}`} · 表头在第 {p.headerRow} 行 · 读取 {p.rowsRead} 行
      </Text>
      {p.ignoredColumns.length > 0 && <Text className='roll-guide'>以下列不属于名册，已忽略：{p.ignoredColumns.join('、')}</Text>}
      <RollStats units={p.summary.units} area={p.summary.area} heads={p.summary.heads} />
      <Text className='roll-guide'>人数按法定规则计算：同一业主编号的多套房算一人，开发商未售的房屋合计算一人。{p.problemCount > 0 ? '以上只统计了没有问题的行。' : ''}</Text>
      {p.summary.buildings.length > 0 && <BuildingTable buildings={p.summary.buildings} />}
      {p.problemCount > 0 && (
        <View data-testid='problems'>
          <View className='gj-card__head' style={{ marginTop: '12px' }}>有 {p.badRows} 行需要改正（共 {p.problemCount} 处{shown < p.problemCount ? `，下面列出前 ${shown} 处` : ''}）</View>
          {p.problems.map((x, i) => <Text key={i} className='roll-problem'>第 {x.row} 行：{x.message}</Text>)}
        </View>
      )}
      {p.warnings.map((w, i) => <Text key={`w${i}`} className='roll-warning'>提醒 · 第 {w.row} 行：{w.message}</Text>)}
    </View>
  )
}

export default function RollImportPage() {
  const { communityId, membership } = useCommunity()
  const [preview, setPreview] = useState<RollPreviewOutput | null>(null)
  const [result, setResult] = useState<RollCommitOutput | null>(null)
  const check = useAction()
  const confirm = useAction()
  const template = useAction()

  if (membership && !hasRole(membership, 'committee')) {
    return <PageShell title='导入业主名册'><View className='gj-card'><Text>只有业委会成员可以导入业主名册。</Text></View></PageShell>
  }

  const onPick = (file: PickedFile) => communityId && void check.run(async () => {
    setPreview(null)
    setResult(null)
    setPreview(await previewPickedRoll(communityId, file))
  })

  const onConfirm = () => communityId && preview && void confirm.run(async () => {
    setResult(await commitRoll(communityId, preview.fileId))
  })

  const nextVersion = (preview?.latestVersion ?? 0) + 1
  return (
    <PageShell title='导入业主名册'>
      <View className='gj-card'>
        <View className='gj-card__head'>第一步：按模板整理名册</View>
        {/* Once a file is chosen the preview matters more than the column hints. */}
        {!preview && ROLL_COLUMNS.map((c) => <Text key={c.field} className='roll-guide'>{c.title}{c.required ? '（必填）' : '（可空）'}：{c.hint}</Text>)}
        <Button block disabled={template.busy || !communityId} onClick={() => communityId && void template.run(() => downloadTemplate(communityId))}>下载模板</Button>
      </View>
      <View className='gj-card'>
        <View className='gj-card__head'>第二步：选择名册文件</View>
        <Text className='roll-guide'>支持 .xlsx 和 .csv（Excel 或 WPS 保存的都可以），最大 10 MB、10 万行。{process.env.TARO_ENV === 'h5' ? '' : '请先把文件发到微信聊天里，再从聊天中选择。'}</Text>
        <FilePicker kind='spreadsheet' label={check.busy ? '正在检查…' : preview ? '重新选择文件' : '选择文件'} disabled={check.busy || confirm.busy} onPick={onPick} />
      </View>
      {preview && <PreviewReport p={preview} />}
      {preview && !result && (
        <View className='gj-card' data-testid='confirm'>
          {!preview.committable && <Text>名册有问题，没有导入任何数据。请在 Excel 中按上面的行号改正后，重新选择文件。</Text>}
          {preview.committable && preview.sameAsVersion !== null && <Text>内容与当前第 {preview.sameAsVersion} 版名册完全相同，无需导入。</Text>}
          {preview.committable && preview.sameAsVersion === null && (
            <>
              <Text className='roll-guide'>确认后生成第 {nextVersion} 版名册。之后发起的表决以新版本计算；已开始的表决仍按它开始时的版本。</Text>
              <Button type='primary' block disabled={confirm.busy} onClick={onConfirm}>确认导入（第 {nextVersion} 版）</Button>
            </>
          )}
        </View>
      )}
      {result && <View className='roll-done' role='status'>{result.message}</View>}
    </PageShell>
  )
}
