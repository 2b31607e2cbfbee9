// A voter's units looked up by voter key (every ballot reads them), as
// sqlite/migrations/008-voting-indexes.ts: same version, same meaning.
export default `
CREATE INDEX IF NOT EXISTS electorate_units_voter ON electorate_units(assembly_id, voter_key);
`
