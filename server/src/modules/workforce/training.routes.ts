import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "@contracts/platform/common";
import { TrainingDto, TrainingInput } from "@contracts/workforce/workers";
import { listTrainings, recordTraining } from "./training.service.js";

const tags = ["workforce: training"];

/** Safety training records (入场三级安全教育 …) of people. */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post("/trainings", { schema: { tags, body: TrainingInput, response: { 201: TrainingDto } } }, async (req, reply) =>
    reply.code(201).send(await recordTraining(req.ctx, req.body)),
  );

  app.get("/persons/:id/trainings", { schema: { tags, params: IdParams, response: { 200: z.array(TrainingDto) } } }, async (req) =>
    listTrainings(req.ctx.db, req.ctx.actor, req.params.id),
  );
};
