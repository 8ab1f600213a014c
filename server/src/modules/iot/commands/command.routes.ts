import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import { CommandDto, ListCommandsQuery, SendCommandInput } from "@contracts/iot/commands";
import { listCommands } from "./command.queries.js";
import { sendCommand } from "./command.service.js";

const tags = ["iot: commands"];

/** Device command routes under /api/v1: the command panel's list and sending by hand. */
export const commandRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/commands", { schema: { tags, querystring: ListCommandsQuery, response: { 200: page(CommandDto) } } }, async (req) =>
    listCommands(req.ctx.db, req.ctx.actor, req.query),
  );

  app.post("/devices/:id/commands", { schema: { tags, params: IdParams, body: SendCommandInput, response: { 201: CommandDto } } }, async (req, reply) =>
    reply.code(201).send(await sendCommand(req.ctx, req.params.id, req.body)),
  );
};
