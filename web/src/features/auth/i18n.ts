import { addStrings } from "../../i18n";

/** The login page's strings, registered by the feature's register.ts at start-up. */
const zh = {
  login: {
    username: "用户名",
    password: "密码",
    submit: "登录",
    usernameRequired: "请输入用户名",
    passwordRequired: "请输入密码",
    locked: "约 {{minutes}} 分钟后可再次登录",
    footer: "市住房和城乡建设局",
  },
};

const en: typeof zh = {
  login: {
    username: "Username",
    password: "Password",
    submit: "Log in",
    usernameRequired: "Enter your username",
    passwordRequired: "Enter your password",
    locked: "You can try again in about {{minutes}} min",
    footer: "Housing and Urban-Rural Development Bureau",
  },
};

addStrings(zh, en);
