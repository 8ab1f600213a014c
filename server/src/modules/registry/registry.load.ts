import { bulkLoader, type LoaderRows } from "../../platform/db/copy.js";
import { registryCertificates, registryEnterprises, registryPersons, registryProjectParticipants, registryProjectPosts, registryProjects, registryQualifications } from "./schema.js";

const tables = {
  enterprises: registryEnterprises,
  qualifications: registryQualifications,
  persons: registryPersons,
  certificates: registryCertificates,
  projects: registryProjects,
  participants: registryProjectParticipants,
  posts: registryProjectPosts,
};

/** The seed's way into the registry's tables: COPY of typed rows (platform/db/copy.ts), the tables staying private. */
export const loadRegistryRows = bulkLoader(tables);

/** A row of each table `loadRegistryRows` fills, by its key. */
export type RegistryRows = LoaderRows<typeof tables>;
