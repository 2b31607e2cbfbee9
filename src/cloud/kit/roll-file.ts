// One uploaded roll spreadsheet read and previewed, exactly the same way for
// the preview and for the commit (which re-reads the file: nothing from the
// preview is trusted or stored in between).
import { AppError } from '../../domain/errors'
import { previewRoll, rollCanonicalText, type RollPreview } from '../../domain/roll-import'
import { ROLL_PROBLEMS_SHOWN } from '../../contracts/roll'
import type { Ports, StoredFile } from './ports'
import { sha256 } from './sha256'
import { readSpreadsheet, type SpreadsheetRows } from './spreadsheet'

export interface RollFile {
  file: StoredFile
  sheet: Omit<SpreadsheetRows, 'rows'>
  preview: RollPreview
  /** sha256 of the canonical roll text: the same roll gives the same value whatever the file format. */
  fingerprint: string
}

export async function readRollFile(ports: Ports, communityId: string, fileId: string): Promise<RollFile> {
  const file = await ports.files.meta(fileId)
  // A file of another community is answered like a missing one.
  const bytes = file && file.communityId === communityId && file.purpose === 'spreadsheet' ? await ports.files.read(fileId) : null
  if (!file || !bytes) throw new AppError('ROLL.FILE_NOT_FOUND', '找不到上传的名册文件，请重新上传', { field: 'fileId' })
  const { rows, ...sheet } = await readSpreadsheet(bytes, file.name)
  const preview = previewRoll(rows, { problemLimit: ROLL_PROBLEMS_SHOWN })
  return { file, sheet, preview, fingerprint: sha256(rollCanonicalText(preview.units)) }
}
