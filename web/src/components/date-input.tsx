import { DatePicker } from "antd";
import dayjs from "dayjs";

/** A DatePicker whose value is the API's `YYYY-MM-DD` string (or null), so forms hold what they send. */
export function DateInput({ value, onChange, id, disabled }: { value?: string | null; onChange?: (v: string | null) => void; id?: string; disabled?: boolean }) {
  return (
    <DatePicker
      id={id}
      disabled={disabled}
      style={{ width: "100%" }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format("YYYY-MM-DD") : null)}
    />
  );
}
