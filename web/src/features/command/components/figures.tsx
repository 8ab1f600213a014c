import type { CSSProperties, ReactNode } from "react";
import { Card } from "antd";
import { Link } from "react-router";
import type { Figure } from "../kpis";

/** A number that opens the list it counts (same filters), when the console has that list. */
export function FigureNumber({ figure, className }: { figure: Figure; className?: string }) {
  const text = figure.value.toLocaleString("zh-CN");
  return (
    <span className={[className, figure.alert ? "sc-cmd-alert" : ""].filter(Boolean).join(" ")}>
      {figure.to ? (
        <Link to={figure.to} aria-label={`${figure.label} ${text}`}>
          {text}
        </Link>
      ) : (
        text
      )}
    </span>
  );
}

/** Label / number rows (in one or two columns), each number a link to its list. */
export function FigureRows({ figures, columns = 1 }: { figures: readonly Figure[]; columns?: 1 | 2 }) {
  return (
    <div className="sc-cmd-figures" style={columns === 2 ? { gridTemplateColumns: "1fr auto 1fr auto", columnGap: 20 } : undefined}>
      {figures.map((f) => (
        <FigureRow key={f.path} figure={f} />
      ))}
    </div>
  );
}

function FigureRow({ figure }: { figure: Figure }) {
  return (
    <>
      <span>{figure.label}</span>
      <FigureNumber figure={figure} className="sc-cmd-figure" />
    </>
  );
}

/** A titled panel of the board: a small card in the console, a glowing dark panel on the big screen (by CSS). */
export function Panel({ title, extra, children, style, bodyStyle }: { title: ReactNode; extra?: ReactNode; children: ReactNode; style?: CSSProperties; bodyStyle?: CSSProperties }) {
  return (
    <Card size="small" title={title} extra={extra} style={style} styles={{ body: { padding: "8px 12px", ...bodyStyle } }}>
      {children}
    </Card>
  );
}
