import { Tooltip } from "antd";
import { summarizeValue, valueText } from "../threshold-value";

/** A version's value in a table cell (the list and a rule's history): one summary line, the whole value on hover. */
export function ThresholdValueCell({ value }: { value: unknown }) {
  return (
    <Tooltip title={<pre style={{ margin: 0, fontSize: 12 }}>{valueText(value)}</pre>}>
      <span className="sc-mono">{summarizeValue(value)}</span>
    </Tooltip>
  );
}
