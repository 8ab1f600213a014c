import { DatePicker } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";

/** A month (`YYYY-MM`) picker bound to a string value; future months are not offered. */
export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker
      picker="month"
      aria-label={t("workforce.month")}
      allowClear={false}
      value={dayjs(`${value}-01`)}
      disabledDate={(d) => d.isAfter(dayjs(), "month")}
      onChange={(d) => d && onChange(d.format("YYYY-MM"))}
    />
  );
}
