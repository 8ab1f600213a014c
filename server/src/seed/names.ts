import type { EnterpriseType } from "@contracts/registry/enums";
import type { Rng } from "./prng.js";

/**
 * Word lists for fictional people and firms. Names are assembled from syllables, so any resemblance to a
 * real person or company is accidental. Surnames lean to those common in 永康 (胡, 应, 吕, 徐, 朱 …).
 */
const SURNAMES =
  "胡应吕徐朱李陈程楼王周施章金卢俞黄潘杨张吴刘林叶丁方孙童蒋郑钱何赵马汪虞颜陶詹舒倪邵傅盛姚毛范陆沈许严鲍蔡宋池项";
const MALE_GIVEN = "伟强军杰涛斌勇刚明辉华建国平志峰俊磊超鹏浩宇飞波亮林新春海东晓文忠永生荣军龙成祥德才发兴旭阳";
const FEMALE_GIVEN = "芳娟敏静丽艳燕霞玲萍红英华慧婷雪琴梅兰颖琳倩洁晶佳莉媛秀萍慧丹璐瑶珍琼晓彤";

/** A fictional Chinese name: surname plus one or two given-name characters of the person's gender. */
export function personName(rng: Rng, gender: "M" | "F"): string {
  const pool = gender === "M" ? MALE_GIVEN : FEMALE_GIVEN;
  const given = rng.chance(0.72) ? rng.pick([...pool]) + rng.pick([...pool]) : rng.pick([...pool]);
  return rng.pick([...SURNAMES]) + given;
}

// 字号 (trade names) are two syllables from this list; firms of one type never share a name.
const TRADE_SYLLABLES = "恒华鼎盛宏达信诚鑫金通宇安泰丰瑞隆兴合康正源博远豪锦德顺嘉新中天海润银汇力明创世卓越昌荣元腾振宝晟永祥浩广益峰凯辰星联立方圆弘茂佳利胜";

/** Industry words by enterprise type; the firm name is 永康市<字号><行业>有限公司. */
const INDUSTRY: Record<EnterpriseType, readonly string[]> = {
  contractor: ["建设", "建设", "建筑工程", "建工", "市政建设", "建设集团", "城建工程", "建筑安装工程"],
  builder: ["置业", "房地产开发", "城市建设投资", "实业", "五金制品", "工贸", "投资发展", "产业园开发"],
  supervisor: ["工程监理", "建设监理", "工程咨询", "项目管理"],
  surveyor: ["岩土工程勘察", "勘察", "工程勘察院"],
  designer: ["建筑设计院", "建筑设计", "规划设计", "工程设计"],
  testing: ["建设工程质量检测", "检测技术", "建材检测"],
  gas: ["燃气", "液化气", "天然气", "能源"],
  other: ["劳务", "机械设备租赁", "建材", "商品混凝土", "园林绿化", "钢结构", "装饰工程"],
};

/** A fictional firm name; `taken` keeps names unique across the whole seed. */
export function firmName(rng: Rng, type: EnterpriseType, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const trade = rng.pick([...TRADE_SYLLABLES]) + rng.pick([...TRADE_SYLLABLES]);
    // The third syllable only comes in when two-syllable names run out (large scales).
    const tail = attempt > 20 ? rng.pick([...TRADE_SYLLABLES]) : "";
    const name = `永康市${trade}${tail}${rng.pick(INDUSTRY[type])}有限公司`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Roads of 永康 for addresses (public street names; house numbers are made up). */
const ROADS = [
  "金城路", "华溪北路", "华溪南路", "九铃东路", "九铃西路", "丽州中路", "丽州北路", "胜利街", "城西路", "望春东路",
  "溪心路", "南苑路", "东湖路", "江南路", "五金大道", "环城北路", "长城路", "紫微中路", "明珠路", "总部中心路",
  "永拖路", "金胜路", "解放街", "古丽路", "科技路", "龙川路", "茭道路", "金山路",
] as const;

/** `永康市<镇街><路><号>号`. */
export const address = (rng: Rng, district: string) => `永康市${district}${rng.pick(ROADS)}${rng.int(1, 999)}号`;

/** Place words for project names (villages, areas, landmarks as a fictional planner would name them). */
const PLACES = [
  "溪心", "金城", "望春", "华溪", "丽州", "九铃", "南苑", "东湖", "龙川", "紫微", "明珠", "五金城", "科技城", "总部",
  "杨溪", "南溪", "李店", "后吴", "下园朱", "上宅", "芝英", "塘里", "大园", "黄棠", "桥下", "马鞍", "清溪", "太平",
] as const;

/** What is built, by project type. */
export const WORKS: Record<string, readonly string[]> = {
  building: [
    "安置房工程", "住宅小区", "商住楼", "标准厂房", "综合楼", "小学教学楼", "幼儿园", "卫生院", "五金产业园厂房",
    "人才公寓", "农贸市场", "文化礼堂", "养老服务中心", "职业技术学校实训楼", "保障性租赁住房",
  ],
  municipal: ["道路改造工程", "雨污分流工程", "桥梁工程", "给水管网工程", "燃气管道迁改工程", "综合管廊工程", "停车场工程"],
  transport: ["公路提升改造工程", "公交场站工程", "互通立交工程", "城乡公交首末站"],
  water: ["水库除险加固工程", "河道综合治理工程", "堤防加固工程", "排涝泵站工程"],
  landscape: ["公园景观工程", "绿道工程", "美丽乡村提升工程", "街心公园工程"],
  other: ["五金市场改造工程", "光伏发电工程", "污水处理厂提标工程"],
};

/** `永康市<镇街><地名><工程>`, made unique with 二期/三期 … when taken. */
export function projectName(rng: Rng, district: string, type: string, taken: Set<string>): string {
  const base = `永康市${district}${rng.pick(PLACES)}${rng.pick(WORKS[type] ?? WORKS.other)}`;
  const phases = ["", "（二期）", "（三期）", "（四期）", "（五期）"];
  for (let i = 0; ; i++) {
    const name = i < phases.length ? base + phases[i] : `${base}（${i + 1}标段）`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
