import { useEffect, useRef, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { BarChart, EffectScatterChart, GaugeChart, LineChart, LinesChart, PieChart, ScatterChart } from "echarts/charts";
import {
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { ECElementEvent, EChartsCoreOption } from "echarts/core";

// Register only what the console draws, so the bundle carries a fraction of ECharts.
echarts.use([
  BarChart,
  PieChart,
  LineChart,
  GaugeChart,
  ScatterChart,
  EffectScatterChart,
  LinesChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  GeoComponent,
  MarkLineComponent,
  MarkAreaComponent,
  DataZoomComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** Makes a GeoJSON outline available to `geo` components by name (the offline city map). */
export const registerMap = (name: string, geoJson: Parameters<typeof echarts.registerMap>[1]) => echarts.registerMap(name, geoJson);

/** Renders an ECharts option; re-applies it on change and follows the container's size and the UI language (time-axis labels). */
export function EChart({ option, style, ariaLabel, onClick }: { option: EChartsCoreOption; style?: CSSProperties; ariaLabel?: string; onClick?: (e: ECElementEvent) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  const current = useRef(option);
  const { i18n } = useTranslation();
  const locale = i18n.language.startsWith("en") ? "EN" : "ZH";
  useEffect(() => {
    click.current = onClick;
    current.current = option;
  });

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { locale });
    chart.current = c;
    c.setOption(current.current, { notMerge: true });
    c.on("click", (e) => click.current?.(e as ECElementEvent));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: "100%", height: 300, ...style }} />;
}
