import { Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { DANGEROUS_WORK_STATE_LABELS, STEP_FIELDS, WORK_FILE_KIND_LABELS, type DangerousWorkDetailDto, type DangerousWorkEventDto } from "@contracts/safety/dangerous-works";
import { formatDateTime } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { workFileUrl } from "../api";
import { recordedFields } from "./step-form";

/** `data` of a file_uploaded / drafter_signed event (read defensively: events are history, not a contract). */
type EventData = { fileId?: string; kind?: string; fileName?: string; revision?: number } | null;

/** Returns and emergencies red, the recovery green, reviews purple, filings grey. */
function eventColor(e: DangerousWorkEventDto): string {
  if (e.action === "expert_review") return "purple";
  if (e.action === "file_uploaded") return "gray";
  if (e.action === "drafter_signed") return "green";
  // Back to drafting from a review is a return; from 已辨识 it is the first step forward.
  const returned = e.toState === "scheme_drafting" && e.fromState !== null && e.fromState !== "identified";
  if (e.toState === "emergency" || returned) return "red";
  if (e.fromState === "emergency") return "green";
  return "blue";
}

/** 过程记录: each step as the stage entered, other records (filing, signature, scheme change …) by what happened. */
export function WorkTimeline({ work }: { work: DangerousWorkDetailDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();

  const title = (e: DangerousWorkEventDto) => {
    const stage = e.toState ? label(DANGEROUS_WORK_STATE_LABELS, e.toState) : "";
    if (e.action === "identified" || e.action === "transition") return stage;
    const what = t(`safety.action.${e.action}`, { defaultValue: e.action });
    return e.toState && e.toState !== e.fromState ? `${what} → ${stage}` : what;
  };

  const detail = (e: DangerousWorkEventDto) => {
    const d = e.data as EventData;
    if (e.action === "file_uploaded" && d) {
      const head = [d.kind ? label(WORK_FILE_KIND_LABELS, d.kind) : null, d.revision != null ? t("safety.revisionN", { n: d.revision }) : null].filter(Boolean).join(" · ");
      return (
        <div>
          {head}
          {head && d.fileName ? " · " : ""}
          {d.fileId && d.fileName ? <a href={workFileUrl(work.id, d.fileId)}>{d.fileName}</a> : d.fileName}
        </div>
      );
    }
    if (e.action === "drafter_signed" && d?.revision != null) return <div>{t("safety.revisionN", { n: d.revision })}</div>;
    return recordedFields(e.data, formatDateTime).map((f) => (
      <div key={f.key} style={{ whiteSpace: "pre-wrap" }}>
        <Typography.Text type="secondary">{label(STEP_FIELDS, f.key)}：</Typography.Text>
        {f.value}
      </div>
    ));
  };

  return (
    <Timeline
      items={work.events.map((e) => ({
        color: eventColor(e),
        content: (
          <>
            <Typography.Text strong>{title(e)}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(e.at)} · {e.actorName}
              </Typography.Text>
            </div>
            {detail(e)}
            {/* A filing's note repeats its kind and file name, shown above with the link. */}
            {e.note && e.action !== "file_uploaded" && <div style={{ whiteSpace: "pre-wrap" }}>{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}
