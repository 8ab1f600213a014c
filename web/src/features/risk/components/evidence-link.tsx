import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { RiskEvidence } from "@contracts/risk/risk";

/** Where each evidence type is shown in the console: the record's own page, else the project tab (or list) that holds it. */
function hrefOf(e: RiskEvidence, projectId: string): string {
  switch (e.type) {
    case "case":
      return `/cases/${e.id}`;
    case "dangerous_work":
      return `/safety/works/${e.id}`;
    case "alarm":
      return `/iot/alarms?alarm=${e.id}`;
    case "equipment":
      return `/projects/${projectId}?tab=safety`;
    case "test_result":
      return `/projects/${projectId}?tab=testing`;
    case "key_post":
      return `/projects/${projectId}?tab=workforce`;
    case "wage_month":
      return `/workforce/arrears?month=${e.id.split(":")[1] ?? ""}`;
    case "pipeline":
      return `/gas/site-links`;
    default:
      return `/projects/${projectId}`;
  }
}

/** One evidence record as a link: its type, and the short form of its id. */
export function EvidenceLink({ evidence, projectId }: { evidence: RiskEvidence; projectId: string }) {
  const { t } = useTranslation();
  const short = evidence.type === "wage_month" ? (evidence.id.split(":")[1] ?? evidence.id) : evidence.id.slice(0, 8);
  return (
    <Link to={hrefOf(evidence, projectId)} data-evidence={`${evidence.type}:${evidence.id}`}>
      {t(`risk.evidenceTypes.${evidence.type}`, { defaultValue: evidence.type })} {short}
    </Link>
  );
}
