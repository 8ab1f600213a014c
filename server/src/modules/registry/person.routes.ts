import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, ImportAcceptedDto, page } from "@contracts/platform/common";
import { CreatePersonInput, ListPersonsQuery, PersonDto, PersonSummaryDto, UpdatePersonInput } from "@contracts/registry/person";
import { sendXlsx, writeSheet } from "../../platform/excel/excel.js";
import { readXlsxUpload } from "../../platform/excel/upload.js";
import { todayInShanghai } from "./expiry.checks.js";
import { getPerson, listPersons, personsForExport } from "./person.queries.js";
import { createPerson, importPersons, updatePerson } from "./person.service.js";
import { PERSON_EXPORT_COLUMNS, PERSON_IMPORT_COLUMNS } from "./person.sheet.js";

/** `/persons` (人员库): list, detail, create, update, Excel export and import. */
export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["registry"];
  app.get("/persons", { schema: { tags, querystring: ListPersonsQuery, response: { 200: page(PersonSummaryDto) } } }, async (req) =>
    listPersons(req.ctx.db, req.ctx.actor, req.query),
  );

  // Static paths are matched before `/persons/:id`, so these never reach the id route.
  app.get("/persons/export", { schema: { tags, querystring: ListPersonsQuery } }, async (req, reply) => {
    const rows = await personsForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `人员库_${todayInShanghai()}.xlsx`, await writeSheet("人员库", PERSON_EXPORT_COLUMNS, rows));
  });

  app.get("/persons/import-template", { schema: { tags } }, async (_req, reply) =>
    sendXlsx(reply, "人员导入模板.xlsx", await writeSheet("人员库", PERSON_IMPORT_COLUMNS, [], true)),
  );

  app.post("/persons/import", { schema: { tags, consumes: ["multipart/form-data"], response: { 202: ImportAcceptedDto } } }, async (req, reply) =>
    reply.code(202).send(await importPersons(req.ctx, () => readXlsxUpload(req))),
  );

  app.get("/persons/:id", { schema: { tags, params: IdParams, response: { 200: PersonDto } } }, async (req) =>
    getPerson(req.ctx.db, req.ctx.actor, req.params.id),
  );

  app.post("/persons", { schema: { tags, body: CreatePersonInput, response: { 201: PersonDto } } }, async (req, reply) =>
    reply.code(201).send(await createPerson(req.ctx, req.body)),
  );

  app.patch("/persons/:id", { schema: { tags, params: IdParams, body: UpdatePersonInput, response: { 200: PersonDto } } }, async (req) =>
    updatePerson(req.ctx, req.params.id, req.body),
  );
};
