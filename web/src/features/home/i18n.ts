import { addStrings } from "../../i18n";

/** The home page's strings, registered by the feature's register.ts at start-up. */
const zh = {
  home: {
    welcome: "欢迎，{{name}}",
    projectsTotal: "项目总数",
    liveProjects: "在建项目",
    enterprisesTotal: "企业总数",
    personsTotal: "从业人员",
    byStatus: "项目状态分布",
    byDistrict: "各街道（镇）项目数",
    empty: "暂无项目数据，可在项目库新建或导入",
    unit: "个",
    people: "人",
    count: "项目数",
  },
};

const en: typeof zh = {
  home: {
    welcome: "Welcome, {{name}}",
    projectsTotal: "Projects",
    liveProjects: "Under construction",
    enterprisesTotal: "Enterprises",
    personsTotal: "Personnel",
    byStatus: "Projects by status",
    byDistrict: "Projects by street / town",
    empty: "No projects yet — create or import some in Projects",
    unit: "",
    people: "",
    count: "Projects",
  },
};

addStrings(zh, en);
