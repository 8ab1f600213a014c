import { Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { CASE_STATE_LABELS, type CaseState } from "@contracts/cases/enums";
import type { CaseBoardDto } from "@contracts/cases/cases";
import { useLabels } from "../../../i18n/labels";

/** A filter a tile applies to the list below (and recognises as its own when active). */
export interface BoardFilter {
  state?: string;
  grade?: string;
  overdue?: string;
  stopWork?: string;
}

const OPEN = "pending,rectifying,review";

interface Tile {
  key: string;
  title: string;
  value: number | undefined;
  color?: string;
  filter: BoardFilter;
}

/**
 * 待整改 / 整改中 / 待复查 / 近30天销项 / 逾期 / 重大 / 停工整改 as a strip of counters; clicking one filters the
 * table, clicking it again clears that filter.
 */
export function BoardStrip({ board, active, onPick, loading }: { board: CaseBoardDto | undefined; active: BoardFilter; onPick: (f: BoardFilter) => void; loading?: boolean }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const stateTile = (s: CaseState, color?: string): Tile => ({ key: s, title: label(CASE_STATE_LABELS, s), value: board?.byState[s], color, filter: { state: s } });
  const tiles: Tile[] = [
    stateTile("pending", "#d46b08"),
    stateTile("rectifying", "#1557b0"),
    stateTile("review", "#722ed1"),
    { key: "closed", title: t("cases.closed30"), value: board?.closedLast30Days, color: "#389e0d", filter: { state: "closed" } },
    { key: "overdue", title: t("cases.overdue"), value: board?.overdue, color: "#cf1322", filter: { overdue: "true" } },
    { key: "major", title: t("cases.openMajor"), value: board?.openMajor, color: "#cf1322", filter: { grade: "major", state: OPEN } },
    { key: "stopWork", title: t("cases.stopWorkInForce"), value: board?.stopWork, color: "#d4380d", filter: { stopWork: "ordered,resume_applied" } },
  ];
  const isActive = (f: BoardFilter) => (Object.keys(f) as (keyof BoardFilter)[]).every((k) => active[k] === f[k]);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="case-board-strip">
      {tiles.map((tile) => {
        const on = isActive(tile.filter);
        return (
          <Col key={tile.key} flex="1 1 130px">
            <Card
              size="small"
              role="button"
              tabIndex={0}
              aria-pressed={on}
              className={`sc-board-tile${on ? " sc-active" : ""}`}
              onClick={() => onPick(on ? {} : tile.filter)}
              onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onPick(on ? {} : tile.filter)}
            >
              <Statistic title={tile.title} value={tile.value ?? "—"} loading={loading && !board} styles={{ content: { color: tile.color, fontWeight: 600, fontSize: 22 }, title: { fontSize: 13 } }} />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
