import type { Labels } from "@contracts/registry/enums";

/**
 * The thresholds' names in both languages, by code (the server's `name` is the Chinese one filed with the
 * version; a code missing here shows that name).
 */
export const THRESHOLD_LABELS: Labels<string> = {
  "cases.deadline": { zh: "整改期限", en: "Rectification deadline" },
  "cases.random_draw.weights": { zh: "双随机抽查风险权重", en: "Random inspection risk weights" },
  "gas.user_check_interval": { zh: "燃气用户入户安检周期", en: "Gas customer safety-check interval" },
  "gas.anomaly_rules": { zh: "瓶装燃气配送异常判定", en: "Bottled-gas delivery anomalies" },
  "gas.site_pipeline_distance": { zh: "工地—燃气管线联动距离", en: "Site ↔ gas main linkage distance" },
  "gas.patrol_coverage": { zh: "巡线轨迹覆盖判定", en: "Patrol track coverage" },
  "gas.cylinder_life": { zh: "钢瓶使用年限与定期检验", en: "Cylinder life and inspection interval" },
  "gas.leak_thresholds": { zh: "燃气泄漏检测阈值", en: "Gas leak detection thresholds" },
  "safety.dangerous_work.thresholds": { zh: "危大工程及超危大工程范围", en: "Dangerous works thresholds" },
  "workforce.key_post_presence": { zh: "关键岗位人员到岗率", en: "Key personnel presence rate" },
  "testing.gbt50107": { zh: "混凝土强度检验评定 (GB/T 50107)", en: "Concrete strength evaluation (GB/T 50107)" },
  "testing.witness_share": { zh: "见证取样比例", en: "Witness sampling share" },
  "testing.rebar_grades": { zh: "热轧带肋钢筋力学性能 (GB/T 1499.2)", en: "Ribbed rebar properties (GB/T 1499.2)" },
};
