import { useEffect, useState, type ReactNode } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider, theme } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { i18n } from "../i18n";
import { queryClient } from "./query-client";

/** Government-console look: the classic blue, compact paddings, CJK-friendly font stack. */
const appTheme = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: "#1557b0",
    borderRadius: 4,
    fontFamily:
      '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: { Layout: { headerHeight: 56, headerPadding: "0 20px", siderBg: "#001529" }, Table: { cellPaddingBlockSM: 6 } },
};

/** Query cache, antd theme + locale (follows the i18n language) and antd's App for message/modal. */
export function Providers({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState(i18n.language);
  useEffect(() => {
    const onChange = (l: string) => setLang(l);
    i18n.on("languageChanged", onChange);
    return () => i18n.off("languageChanged", onChange);
  }, []);
  const isEn = lang.startsWith("en");
  dayjs.locale(isEn ? "en" : "zh-cn");
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={isEn ? enUS : zhCN} theme={appTheme}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
