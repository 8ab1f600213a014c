import type { TemplateItemDto } from "@contracts/cases/inspections";
import type { InspectorDomain } from "@contracts/platform/auth";

/**
 * The checklists every city starts with (filed once by `ensureDefaultTemplates`, version 1). Bureaus issue
 * later versions through POST /inspection-templates; these stay as the record of what version 1 asked.
 */
export interface DefaultTemplate {
  code: string;
  name: string;
  domain: InspectorDomain;
  source: string;
  items: TemplateItemDto[];
}

const MAJOR_HAZARD_SOURCE = "建质规〔2024〕5号";
const clause = (article: string) => `${MAJOR_HAZARD_SOURCE} 第${article}条`;

/** Any one of these holding makes a 重大事故隐患 (domain-rules §5.1), so every item is graded major. */
const major = (code: string, article: string, category: "safety" | "equipment", text: string): TemplateItemDto => ({
  code,
  text,
  category,
  grade: "major",
  score: 5,
  clause: clause(article),
});

/**
 * 《房屋市政工程生产安全重大事故隐患判定标准》, article by article (第四条 to 第十五条). The 2024 text keeps
 * the 2022 skeleton; 第七条 (scaffolding) follows the 2024 three-item wording. Items the reference marks
 * ⚠️ (not re-found in a public copy of the text) are named in the template source.
 */
const MAJOR_HAZARD_ITEMS: TemplateItemDto[] = [
  major("mh.4.1", "四", "safety", "施工单位未取得安全生产许可证擅自从事建筑施工活动"),
  major("mh.4.2", "四", "safety", "施工单位的主要负责人、项目负责人、专职安全生产管理人员未取得安全生产考核合格证书从事相关工作"),
  major("mh.4.3", "四", "safety", "建筑施工特种作业人员未取得特种作业人员操作资格证书上岗作业"),
  major("mh.4.4", "四", "safety", "危险性较大的分部分项工程未编制、未审核专项施工方案，或未按规定组织专家对“超过一定规模的危险性较大的分部分项工程范围”的专项施工方案进行论证"),
  major("mh.5.1", "五", "safety", "对因基坑工程施工可能造成损害的毗邻重要建筑物、构筑物和地下管线等，未采取专项防护措施"),
  major("mh.5.2", "五", "safety", "基坑土方超挖且未采取有效措施"),
  major("mh.5.3", "五", "safety", "深基坑施工未进行第三方监测"),
  major(
    "mh.5.4",
    "五",
    "safety",
    "有基坑坍塌风险预兆且未及时处理：支护结构或周边建筑物变形值超过设计变形控制值；基坑侧壁出现大量漏水、流土；基坑底部出现管涌；桩间土流失孔洞深度超过桩径",
  ),
  major("mh.6.1", "六", "safety", "模板工程的地基基础承载力和变形不满足设计要求"),
  major("mh.6.2", "六", "safety", "模板支架承受的施工荷载超过设计值"),
  major("mh.6.3", "六", "safety", "模板支架拆除及滑模、爬模爬升时，混凝土强度未达到设计或规范要求"),
  major("mh.7.1", "七", "safety", "脚手架工程的地基基础承载力和变形不满足设计要求"),
  major("mh.7.2", "七", "safety", "未设置连墙件或连墙件整层缺失"),
  major("mh.7.3", "七", "safety", "附着式升降脚手架的防倾覆、防坠落或同步升降控制装置不符合设计要求、失效或缺失"),
  major("mh.8.1", "八", "equipment", "建筑起重机械未经验收合格即投入使用，或未按规定办理使用登记"),
  major("mh.8.2", "八", "equipment", "塔式起重机、施工升降机的独立起升高度、附着间距、最高附着以上的最大悬高或垂直度不符合规范要求"),
  major("mh.8.3", "八", "equipment", "建筑起重机械安装、拆卸、顶升加节、附着前未对结构件、顶升机构、附着装置及高强度螺栓、销轴、定位板等进行检查验收"),
  major("mh.8.4", "八", "equipment", "建筑起重机械的安全装置不齐全、失效或者被违规拆除、破坏"),
  major("mh.8.5", "八", "equipment", "施工升降机防坠安全器超过定期检验有效期，或标准节连接螺栓缺失、失效"),
  major("mh.8.6", "八", "equipment", "建筑起重机械的地基基础承载力和变形不满足设计要求"),
  major("mh.9.1", "九", "safety", "钢结构、网架安装用支撑结构地基基础承载力和变形不满足设计要求，或未按设计要求设置防倾覆装置"),
  major("mh.9.2", "九", "safety", "单榀钢桁架（屋架）安装时未采取防失稳措施"),
  major("mh.9.3", "九", "safety", "悬挑式操作平台的搁置点、拉结点、支撑点未设置在稳定的主体结构上，且未做可靠连接"),
  major("mh.10.1", "十", "safety", "隧道、人防工程、高温、有导电灰尘、比较潮湿等特殊作业环境的照明未按规定使用安全特低电压"),
  major("mh.11.1", "十一", "safety", "有限空间作业未履行作业审批制度，未对施工人员进行专项安全教育培训，或未执行“先通风、再检测、后作业”原则"),
  major("mh.11.2", "十一", "safety", "有限空间作业时现场未有专人负责监护工作"),
  major("mh.12.1", "十二", "safety", "拆除施工作业顺序不符合规范和施工方案要求"),
  major("mh.13.1", "十三", "safety", "暗挖工程作业面带水施工未采取相关措施，或地下水控制措施失效且继续施工"),
  major("mh.13.2", "十三", "safety", "暗挖工程施工时出现涌水、涌沙、局部坍塌，支护结构扭曲变形或出现裂缝且有不断增大趋势，未及时采取措施"),
  major("mh.14.1", "十四", "safety", "使用危害程度较大、可能导致群死群伤或造成重大经济损失的施工工艺、设备和材料（明令禁止或淘汰的）"),
  major("mh.15.1", "十五", "safety", "其他严重违反房屋市政工程安全生产法律法规、部门规章及强制性标准，且存在危害程度较大、可能导致群死群伤或造成重大经济损失的现实危险"),
];

const quality = (code: string, grade: "general" | "major", score: number, basis: string, text: string, category: "quality" | "testing" = "quality"): TemplateItemDto => ({
  code,
  text,
  category,
  grade,
  score,
  clause: basis,
});

const GB50202 = "GB 50202-2018《建筑地基基础工程施工质量验收标准》";
const GB50204 = "GB 50204-2015《混凝土结构工程施工质量验收规范》";
const REGULATION = "《建设工程质量管理条例》";

/**
 * A routine construction-quality checklist: 地基基础, 主体结构 (混凝土/钢筋/模板), 材料进场与见证取样,
 * 质量资料. Failures that bear on structural safety are graded major, the rest general.
 */
const QUALITY_ITEMS: TemplateItemDto[] = [
  quality("q.fdn.bearing", "major", 10, GB50202, "地基承载力检验未进行或检验结果不满足设计要求"),
  quality("q.fdn.pile", "major", 10, GB50202, "工程桩承载力或桩身完整性检测数量不足、结果不合格"),
  quality("q.fdn.trench", "general", 4, GB50202, "基槽（坑）验槽记录缺失或验槽未经勘察、设计单位参加"),
  quality("q.conc.strength", "major", 10, "GB/T 50107-2010《混凝土强度检验评定标准》", "混凝土强度检验评定不合格或未按规定留置标准养护试块"),
  quality("q.conc.crack", "major", 8, GB50204, "结构构件出现影响结构性能或使用功能的裂缝、严重缺陷"),
  quality("q.conc.surface", "general", 4, GB50204, "现浇结构存在蜂窝、麻面、露筋、孔洞等一般外观质量缺陷未处理"),
  quality("q.rebar.spec", "major", 8, GB50204, "受力钢筋的牌号、规格、数量、间距不符合设计要求"),
  quality("q.rebar.splice", "major", 6, GB50204, "钢筋机械连接或焊接接头质量不合格，或未按规定抽取试件检验"),
  quality("q.rebar.cover", "general", 4, GB50204, "钢筋保护层厚度偏差超过规范允许值"),
  quality("q.form.geometry", "general", 4, GB50204, "模板安装的轴线位置、标高、截面尺寸偏差超过规范允许值"),
  quality("q.form.strip", "major", 6, GB50204, "底模及支架拆除时混凝土强度未达到规范要求"),
  quality("q.mat.entry", "general", 5, `${REGULATION} 第二十九条`, "进场建筑材料、构配件无质量证明文件或未进行进场检验"),
  quality("q.mat.witness", "general", 5, `${REGULATION} 第三十一条`, "未按规定实施见证取样送检，或见证取样比例不足", "testing"),
  quality("q.mat.unqualified", "major", 6, `${REGULATION} 第二十九条`, "检测不合格的材料未清退出场仍用于工程", "testing"),
  quality("q.doc.hidden", "general", 5, `${REGULATION} 第三十条`, "隐蔽工程未经验收即隐蔽，或隐蔽验收记录缺失"),
  quality("q.doc.sync", "general", 5, "GB 50300-2013《建筑工程施工质量验收统一标准》", "检验批、分项工程验收记录等质量控制资料不全或未与工程进度同步"),
];

export const MAJOR_HAZARD_TEMPLATE_CODE = "safety.major_hazard";
export const QUALITY_TEMPLATE_CODE = "quality.routine";

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    code: MAJOR_HAZARD_TEMPLATE_CODE,
    name: "房屋市政工程生产安全重大事故隐患检查表（2024版）",
    domain: "safety",
    source: `${MAJOR_HAZARD_SOURCE}《房屋市政工程生产安全重大事故隐患判定标准（2024版）》；第四条后三项、第五条、第六条、第十四条、第十五条按2022版文本整理，待与原文核对`,
    items: MAJOR_HAZARD_ITEMS,
  },
  {
    code: QUALITY_TEMPLATE_CODE,
    name: "工程质量监督检查表",
    domain: "quality",
    source: `${REGULATION}；GB 50202-2018；GB 50204-2015；GB/T 50107-2010；GB 50300-2013`,
    items: QUALITY_ITEMS,
  },
];
