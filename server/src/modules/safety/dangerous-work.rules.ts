import { z } from "zod";
import { ThresholdRow } from "@contracts/safety/dangerous-works";
import type { RuleDefinition } from "../../platform/rules/rules.js";

const A1 = "建办质〔2018〕31号 附件1";
const A2 = "建办质〔2018〕31号 附件2";

/**
 * The 危大 / 超危大 table of 建办质〔2018〕31号 (domain-rules §4.2) as data: a city may file its own version
 * (stricter thresholds, extra kinds) without a code change. Clauses cite the annex item so a classification
 * can say which rows it rests on.
 */
export const DEFAULT_THRESHOLDS: ThresholdRow[] = [
  { category: "foundation_pit", op: ">=", metric: "depth_m", value: 3, unit: "m", level: "weida", clause: `${A1} 一(一) 开挖深度≥3m的基坑(槽)` },
  { category: "foundation_pit", op: "is", metric: "complex_conditions", level: "weida", clause: `${A1} 一(二) 地质条件、周围环境和地下管线复杂的基坑(槽)` },
  { category: "foundation_pit", op: ">=", metric: "depth_m", value: 5, unit: "m", level: "chaoweida", clause: `${A2} 一 开挖深度≥5m的深基坑` },

  ...(["slip_form", "climbing_form", "flying_form", "tunnel_form"] as const).flatMap((metric): ThresholdRow[] => [
    { category: "tool_formwork", op: "is", metric, level: "weida", clause: `${A1} 二(一) 工具式模板工程` },
    { category: "tool_formwork", op: "is", metric, level: "chaoweida", clause: `${A2} 二(一) 工具式模板工程` },
  ]),

  { category: "formwork_support", op: ">=", metric: "height_m", value: 5, unit: "m", level: "weida", clause: `${A1} 二(二) 搭设高度≥5m` },
  { category: "formwork_support", op: ">=", metric: "span_m", value: 10, unit: "m", level: "weida", clause: `${A1} 二(二) 搭设跨度≥10m` },
  { category: "formwork_support", op: ">=", metric: "total_load_kn_m2", value: 10, unit: "kN/m²", level: "weida", clause: `${A1} 二(二) 施工总荷载≥10kN/m²` },
  { category: "formwork_support", op: ">=", metric: "line_load_kn_m", value: 15, unit: "kN/m", level: "weida", clause: `${A1} 二(二) 集中线荷载≥15kN/m` },
  { category: "formwork_support", op: "is", metric: "isolated_tall", level: "weida", clause: `${A1} 二(二) 高度大于支撑水平投影宽度且相对独立无联系构件` },
  { category: "formwork_support", op: ">=", metric: "height_m", value: 8, unit: "m", level: "chaoweida", clause: `${A2} 二(二) 搭设高度≥8m` },
  { category: "formwork_support", op: ">=", metric: "span_m", value: 18, unit: "m", level: "chaoweida", clause: `${A2} 二(二) 搭设跨度≥18m` },
  { category: "formwork_support", op: ">=", metric: "total_load_kn_m2", value: 15, unit: "kN/m²", level: "chaoweida", clause: `${A2} 二(二) 施工总荷载≥15kN/m²` },
  { category: "formwork_support", op: ">=", metric: "line_load_kn_m", value: 20, unit: "kN/m", level: "chaoweida", clause: `${A2} 二(二) 集中线荷载≥20kN/m` },

  { category: "load_bearing_support", op: "is", metric: "steel_erection_support", level: "weida", clause: `${A1} 二(三) 用于钢结构安装等满堂支撑体系` },
  { category: "load_bearing_support", op: ">=", metric: "point_load_kn", value: 7, unit: "kN", level: "chaoweida", clause: `${A2} 二(三) 承受单点集中荷载≥7kN` },

  { category: "lifting", op: ">=", metric: "piece_weight_kn", value: 10, unit: "kN", requires: ["non_standard"], level: "weida", clause: `${A1} 三(一) 非常规起重设备、方法，单件起吊重量≥10kN` },
  { category: "lifting", op: "is", metric: "machine_install", level: "weida", clause: `${A1} 三(二) 采用起重机械进行安装的工程` },
  { category: "lifting", op: "is", metric: "crane_erection", level: "weida", clause: `${A1} 三(三) 起重机械安装和拆卸工程` },
  { category: "lifting", op: ">=", metric: "piece_weight_kn", value: 100, unit: "kN", requires: ["non_standard"], level: "chaoweida", clause: `${A2} 三(一) 非常规起重设备、方法，单件起吊重量≥100kN` },
  { category: "lifting", op: ">=", metric: "crane_capacity_kn", value: 300, unit: "kN", requires: ["crane_erection"], level: "chaoweida", clause: `${A2} 三(二) 起重量≥300kN的起重机械安装和拆卸` },
  { category: "lifting", op: ">=", metric: "total_height_m", value: 200, unit: "m", requires: ["crane_erection"], level: "chaoweida", clause: `${A2} 三(二) 搭设总高度≥200m的起重机械安装和拆卸` },
  { category: "lifting", op: ">=", metric: "base_elevation_m", value: 200, unit: "m", requires: ["crane_erection"], level: "chaoweida", clause: `${A2} 三(二) 搭设基础标高≥200m的起重机械安装和拆卸` },

  { category: "scaffold", op: ">=", metric: "ground_height_m", value: 24, unit: "m", level: "weida", clause: `${A1} 四(一) 搭设高度≥24m的落地式钢管脚手架` },
  { category: "scaffold", op: "is", metric: "attached_lifting", level: "weida", clause: `${A1} 四(二) 附着式升降脚手架` },
  { category: "scaffold", op: "is", metric: "cantilever", level: "weida", clause: `${A1} 四(三) 悬挑式脚手架` },
  { category: "scaffold", op: "is", metric: "gondola", level: "weida", clause: `${A1} 四(四) 高处作业吊篮` },
  { category: "scaffold", op: "is", metric: "platform", level: "weida", clause: `${A1} 四(五) 卸料平台、操作平台` },
  { category: "scaffold", op: "is", metric: "special_shaped", level: "weida", clause: `${A1} 四(六) 异型脚手架` },
  { category: "scaffold", op: ">=", metric: "ground_height_m", value: 50, unit: "m", level: "chaoweida", clause: `${A2} 四(一) 搭设高度≥50m的落地式钢管脚手架` },
  { category: "scaffold", op: ">=", metric: "lift_height_m", value: 150, unit: "m", requires: ["attached_lifting"], level: "chaoweida", clause: `${A2} 四(二) 提升高度≥150m的附着式升降脚手架` },
  { category: "scaffold", op: ">=", metric: "segment_height_m", value: 20, unit: "m", requires: ["cantilever"], level: "chaoweida", clause: `${A2} 四(三) 分段架体搭设高度≥20m的悬挑式脚手架` },

  { category: "demolition", op: "is", metric: "affects_surroundings", level: "weida", clause: `${A1} 五 可能影响行人、交通、电力、通讯或其它建构筑物安全的拆除` },
  { category: "demolition", op: "is", metric: "special_structure", level: "chaoweida", clause: `${A2} 五(一) 码头、桥梁、高架、烟囱、水塔等特殊建构筑物拆除` },
  { category: "demolition", op: "is", metric: "hazardous_release", level: "chaoweida", clause: `${A2} 五(一) 易引起有毒有害气(液)体、粉尘扩散或易燃易爆的拆除` },
  { category: "demolition", op: "is", metric: "protected_zone", level: "chaoweida", clause: `${A2} 五(二) 文物保护建筑、优秀历史建筑或历史文化风貌区影响范围内的拆除` },

  ...(["mining_method", "shield_method", "pipe_jacking"] as const).flatMap((metric): ThresholdRow[] => [
    { category: "underground_excavation", op: "is", metric, level: "weida", clause: `${A1} 六 矿山法、盾构法、顶管法施工的隧道、洞室` },
    { category: "underground_excavation", op: "is", metric, level: "chaoweida", clause: `${A2} 六 矿山法、盾构法、顶管法施工的隧道、洞室` },
  ]),

  { category: "curtain_wall", op: "any", level: "weida", clause: `${A1} 七(一) 建筑幕墙安装工程` },
  { category: "curtain_wall", op: ">=", metric: "height_m", value: 50, unit: "m", level: "chaoweida", clause: `${A2} 七(一) 施工高度≥50m的建筑幕墙安装` },
  { category: "steel_structure", op: "any", level: "weida", clause: `${A1} 七(二) 钢结构、网架和索膜结构安装工程` },
  { category: "steel_structure", op: ">=", metric: "span_m", value: 36, unit: "m", level: "chaoweida", clause: `${A2} 七(二) 跨度≥36m的钢结构安装` },
  { category: "steel_structure", op: ">=", metric: "space_frame_span_m", value: 60, unit: "m", level: "chaoweida", clause: `${A2} 七(二) 跨度≥60m的网架和索膜结构安装` },
  { category: "hand_dug_pile", op: "any", level: "weida", clause: `${A1} 七(三) 人工挖孔桩工程` },
  { category: "hand_dug_pile", op: ">=", metric: "depth_m", value: 16, unit: "m", level: "chaoweida", clause: `${A2} 七(三) 开挖深度≥16m的人工挖孔桩` },
  { category: "underwater", op: "any", level: "weida", clause: `${A1} 七(四) 水下作业工程` },
  { category: "underwater", op: "any", level: "chaoweida", clause: `${A2} 七(四) 水下作业工程` },
  { category: "precast_install", op: "any", level: "weida", clause: `${A1} 七(五) 装配式建筑混凝土预制构件安装` },
  { category: "integral_jacking", op: ">=", metric: "weight_kn", value: 1000, unit: "kN", level: "chaoweida", clause: `${A2} 七(五) 重量≥1000kN的大型结构整体顶升、平移、转体` },
  { category: "four_new", op: "any", level: "weida", clause: `${A1} 七(六) 采用四新且尚无技术标准的分部分项工程` },
  { category: "four_new", op: "any", level: "chaoweida", clause: `${A2} 七(六) 采用四新且尚无技术标准的分部分项工程` },
];

export const dangerousWorkThresholdsRule: RuleDefinition<ThresholdRow[]> = {
  code: "safety.dangerous_work.thresholds",
  name: "危大工程及超危大工程范围 (danger thresholds)",
  schema: z.array(ThresholdRow).min(1),
  defaultValue: DEFAULT_THRESHOLDS,
  source: "住建部令第37号; 建办质〔2018〕31号 附件1、附件2",
  effectiveFrom: "2018-06-01",
};
