import { WitnessShareCard } from "./witness-share-card";
import { CommissionTable } from "./commission-table";

/** 检测 tab of a project: the witnessed share against the rule, then the project's commissions. */
export function TestingTab({ projectId }: { projectId: string }) {
  return (
    <>
      <WitnessShareCard projectId={projectId} />
      <CommissionTable projectId={projectId} />
    </>
  );
}
