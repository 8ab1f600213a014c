import { addStrings } from "../../i18n";

/** The home page's strings, registered by the feature's register.ts at start-up. */
const zh = {
  home: {
    welcome: "欢迎，{{name}}",
    myWork: "我的工作",
    nothingToDo: "暂无待办事项",
    shortcuts: "常用功能",
    cityOverview: "辖区概况",
    openCommand: "进入驾驶舱",
    openScreen: "指挥大屏",
    myCases: "待办整改（按期限）",
    noCases: "暂无待办整改",
    mySiteAlarms: "我的工地告警",
    myDeviceAlarms: "我的设备告警",
    caseTitle: "整改事项",
    caseProject: "项目",
    caseState: "状态",
    caseGrade: "等级",
    caseDeadline: "整改期限",
    caseTodo: "待办",
    caseAct: "去处理",
  },
};

const en: typeof zh = {
  home: {
    welcome: "Welcome, {{name}}",
    myWork: "My work",
    nothingToDo: "Nothing waiting for you",
    shortcuts: "Shortcuts",
    cityOverview: "Overview of my scope",
    openCommand: "Command center",
    openScreen: "Big screen",
    myCases: "My open cases (by deadline)",
    noCases: "No open cases",
    mySiteAlarms: "My sites' alarms",
    myDeviceAlarms: "My devices' alarms",
    caseTitle: "Case",
    caseProject: "Project",
    caseState: "State",
    caseGrade: "Grade",
    caseDeadline: "Deadline",
    caseTodo: "To do",
    caseAct: "Handle",
  },
};

addStrings(zh, en);
