// leadkit/testing: generateLeads, with whatever fast-check the project has (or none).
const testing = await import('leadkit/testing');
const leads = testing.generateLeads({ seed: 1, count: 3, asOf: new Date('2025-06-30T00:00:00Z') });
if (leads.length !== 3) throw new Error(`generateLeads gave ${leads.length} leads`);
console.log(`leadkit/testing ok on Node ${process.versions.node}`);
