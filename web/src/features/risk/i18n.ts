import { addStrings } from "../../i18n";

/** The risk index's strings (项目风险指数). */
const zh = {
  menu: "风险排名",
  title: "项目风险排名",
  tab: "风险",
  project: "项目",
  score: "风险分",
  level: "风险等级",
  district: "街道",
  factors: "主要因素",
  computedAt: "计算时间",
  points: "{{points}} 分",
  evidence: "依据",
  noFactors: "当前无风险因素",
  trend: "近 90 天风险分",
  explain: "风险分为各因素得分之和（0–100），权重与分级标准见阈值规则 risk.index",
  evidenceTypes: { case: "问题", alarm: "告警", dangerous_work: "危大工程", equipment: "起重机械", test_result: "检测结果", key_post: "关键岗位", wage_month: "欠薪月份", pipeline: "燃气管线" },
};
const en: typeof zh = {
  menu: "Risk ranking",
  title: "Project risk ranking",
  tab: "Risk",
  project: "Project",
  score: "Score",
  level: "Level",
  district: "District",
  factors: "Main factors",
  computedAt: "Computed",
  points: "{{points}} pts",
  evidence: "Evidence",
  noFactors: "No risk factor at present",
  trend: "Score over the last 90 days",
  explain: "The score is the sum of the factors' points (0–100); weights and cut-offs are the threshold risk.index",
  evidenceTypes: { case: "Case", alarm: "Alarm", dangerous_work: "Dangerous work", equipment: "Lifting equipment", test_result: "Test result", key_post: "Key post", wage_month: "Unpaid month", pipeline: "Gas main" },
};

addStrings({ risk: zh }, { risk: en });
