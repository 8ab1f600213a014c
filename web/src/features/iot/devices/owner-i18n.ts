import { i18n } from "../../../i18n";

/**
 * Strings for devices that belong to an enterprise instead of a site (the gas company's detection vehicle),
 * registered into the app's one i18n instance when the device pages are first imported.
 */
const zh = {
  owner: "归属",
  ownerSite: "工地设备",
  ownerEnterprise: "燃气企业设备（如检测车）",
  enterprise: "所属燃气企业",
  pickEnterprise: "选择燃气企业",
  offSite: "不在工地",
  ownerHelp: "检测车在城市中行驶，不属于任何工地；其读数由燃气模块研判，不触发工地告警。",
};
const en: typeof zh = {
  owner: "Belongs to",
  ownerSite: "A site",
  ownerEnterprise: "A gas company (e.g. detection vehicle)",
  enterprise: "Owning gas company",
  pickEnterprise: "Pick the gas company",
  offSite: "Not on a site",
  ownerHelp: "The detection vehicle drives about the city and belongs to no site; the gas module judges its readings, no site alarm is raised.",
};

i18n.addResourceBundle("zh-CN", "translation", { iotOwner: zh }, true, true);
i18n.addResourceBundle("en", "translation", { iotOwner: en }, true, true);
