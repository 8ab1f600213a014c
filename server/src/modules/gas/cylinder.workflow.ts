// Temporary: the seed still imports this path (being rewritten); removed once it imports the gas modules.
export * from "./cylinders/cylinder.workflow.js";
