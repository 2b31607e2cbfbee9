// Uploaded files: what is saved is what is read back, byte for byte, with a
// record that says whose it is and what it is.
import { createHash } from 'node:crypto'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import { CONTRACT_NOW, useTarget, type ContractTarget } from './target'

/** A PNG signature followed by every byte value, so no byte is mangled on the way. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 256 }, (_, i) => i)])

export function filesContract(target: ContractTarget) {
  describe(`${target.name}: files`, () => {
    const t = useTarget(target, { seed: false })
    const save = () => t().ports.files.save({ communityId: DEMO_COMMUNITY_ID, ownerId: 'p-chen-jing', purpose: 'photo', name: '漏水.png', kind: 'png', bytes: PNG, at: CONTRACT_NOW })

    test('a saved file reads back byte for byte, with its size, owner and SHA-256', async () => {
      const file = await save()
      expect(file).toMatchObject({ communityId: DEMO_COMMUNITY_ID, ownerId: 'p-chen-jing', purpose: 'photo', name: '漏水.png', kind: 'png', size: 264, createdAt: CONTRACT_NOW })
      expect(file.sha256).toBe(createHash('sha256').update(PNG).digest('hex'))
      expect(await t().ports.files.meta(file.id)).toEqual(file)
      expect(Buffer.from((await t().ports.files.read(file.id))!)).toEqual(Buffer.from(PNG))
    })

    test('each save is a new file; unknown or malformed ids find nothing', async () => {
      const [a, b] = [await save(), await save()]
      expect(a.id).not.toBe(b.id)
      for (const id of ['f_000000000000000000000000', '../../etc/passwd', '']) {
        expect(await t().ports.files.meta(id)).toBeNull()
        expect(await t().ports.files.read(id)).toBeNull()
      }
    })
  })
}
