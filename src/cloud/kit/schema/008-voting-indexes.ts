import type { Migration } from './dialect'

// A voter's units looked up by voter key (every ballot reads them). Its own
// migration because 003 was already applied to databases before it was added.
// The same text on both engines.
const votingIndexes: Migration = () => `
CREATE INDEX IF NOT EXISTS electorate_units_voter ON electorate_units(assembly_id, voter_key);
`

export default votingIndexes
