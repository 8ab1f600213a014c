import { addStrings } from "../../../i18n";

/** The city-wide workforce view's strings (在场人员). */
const zh = {
  onSite: {
    title: "在场人员",
    onSite: "当前在场",
    presentToday: "今日出勤",
    byDistrict: "各街道（镇）在场",
    byTrade: "各工种在场",
    byProject: "在场最多的项目",
    filterOnSite: "在场状态",
    onSiteYes: "在场",
    onSiteNo: "已离场",
    name: "姓名",
    project: "项目",
    district: "街道（镇）",
    team: "班组",
    trade: "工种",
    firstIn: "首次进场",
    lastOut: "最后离场",
    hours: "工时",
    state: "状态",
    empty: "今日暂无考勤",
  },
};

const en: typeof zh = {
  onSite: {
    title: "People on site",
    onSite: "On site now",
    presentToday: "Attended today",
    byDistrict: "On site by street / town",
    byTrade: "On site by trade",
    byProject: "Projects with most people on site",
    filterOnSite: "On site",
    onSiteYes: "On site",
    onSiteNo: "Left",
    name: "Name",
    project: "Project",
    district: "Street / town",
    team: "Team",
    trade: "Trade",
    firstIn: "First in",
    lastOut: "Last out",
    hours: "Hours",
    state: "State",
    empty: "No attendance today",
  },
};

addStrings(zh, en);
