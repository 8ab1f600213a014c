import { DatePicker } from "antd";
import dayjs from "dayjs";

/**
 * Date and time picked in local (Asia/Shanghai) time, held as the ISO 8601 instant the API takes, so the form
 * holds what it sends. Only the past can be picked: it records when something happened.
 */
export function DateTimeInput({ value, onChange, id, disabled }: { value?: string | null; onChange?: (v: string | null) => void; id?: string; disabled?: boolean }) {
  return (
    <DatePicker
      id={id}
      disabled={disabled}
      showTime={{ format: "HH:mm" }}
      format="YYYY-MM-DD HH:mm"
      style={{ width: "100%" }}
      disabledDate={(d) => d.isAfter(dayjs().endOf("day"))}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.second(0).millisecond(0).toISOString() : null)}
    />
  );
}
