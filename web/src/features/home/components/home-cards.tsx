import { Card } from "antd";
import { HOME_CARD_LABELS, type HomeCard } from "@contracts/dashboard/home";
import { useLabels } from "../../../i18n/labels";
import { FigureNumber } from "../../command/components/figures";
import { pageOfApiLink } from "../../command/links";

/** The role's work cards: each number opens the list it counts (same filters); red when it calls for action. */
export function HomeCards({ cards }: { cards: readonly HomeCard[] }) {
  const { label } = useLabels();
  return (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(170px, 1fr))", gap: 10 }}>
      {cards.map((c) => {
        const text = label(HOME_CARD_LABELS, c.key);
        return (
          <Card key={c.key} size="small" className="sc-cmd-tile" data-card={c.key}>
            <div className="sc-cmd-tile-label" title={text}>
              {text}
            </div>
            <div className="sc-cmd-tile-value">
              <FigureNumber figure={{ path: c.key, label: text, value: c.value, to: pageOfApiLink(c.link), alert: c.alert && c.value > 0 }} />
            </div>
          </Card>
        );
      })}
    </div>
  );
}
