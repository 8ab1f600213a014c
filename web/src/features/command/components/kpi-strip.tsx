import { Card } from "antd";
import type { Tile } from "../kpis";
import { FigureNumber } from "./figures";

/** The KPI strip: one tile per figure the caller's scope has, every number a link to its list. */
export function KpiStrip({ tiles, big }: { tiles: readonly Tile[]; big: boolean }) {
  // The big screen puts every tile on one row; the console wraps them to the width it has (phone: two a row).
  const columns = big ? `repeat(${tiles.length}, minmax(0, 1fr))` : "repeat(auto-fill, minmax(160px, 1fr))";
  return (
    <div style={{ display: "grid", gridTemplateColumns: columns, gap: 10 }}>
      {tiles.map((tile) => (
        <Card key={tile.path} size="small" className="sc-cmd-tile" data-kpi={tile.path}>
          <div className="sc-cmd-tile-label" title={tile.label}>
            {tile.label}
          </div>
          <div className={`sc-cmd-tile-value${tile.alert ? " sc-cmd-alert" : ""}`}>
            <FigureNumber figure={{ ...tile, alert: false }} />
            {tile.unit && <span className="sc-cmd-tile-unit">{tile.unit}</span>}
          </div>
          <div className="sc-cmd-tile-subs">
            {tile.subs.map((s) => (
              <span key={s.path} data-kpi={s.path}>
                {s.label} <FigureNumber figure={s} />
              </span>
            ))}
          </div>
        </Card>
      ))}
    </div>
  );
}
