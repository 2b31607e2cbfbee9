// Who takes part in the repairs tests (people of the demo community) and the
// two kinds of place a request names, shared by the repairs contract and the
// simulated-cloud scenarios.
import type { RepairLocation } from '../../src/domain/repairs/request'

export const STAFF = 'p-zhao-lei'
export const ZHANG = 'p-zhang-wei' // owns 1栋0202 and 1栋0203
export const LIU = 'p-liu-yang' // his tenant in 1栋0203
export const CHEN = 'p-chen-jing' // owns 4栋0302
export const unit = (building: string, unitNo: string): RepairLocation => ({ kind: 'unit', building, unitNo })
export const common = (area: string): RepairLocation => ({ kind: 'common', area })
