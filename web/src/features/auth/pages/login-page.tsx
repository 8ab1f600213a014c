import { useState } from "react";
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import type { LoginInput, MeDto } from "@contracts/platform/auth";
import { api, ApiError } from "../../../api/client";
import { keys } from "../../../api/query-keys";
import { setLang, type Lang } from "../../../i18n";
import { safeNext } from "../safe-next";
import { errorText } from "../../../components/form-utils";

/** 登录: username + password; shows the server's message (wrong password, locked out with 429). */
export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginInput) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api<MeDto>("/auth/login", { body: values });
      qc.setQueryData(keys.me, me);
      navigate(safeNext(sp.get("next")), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === "RATE_LIMITED") {
        const retry = (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        setError(retry ? `${e.message}。${t("login.locked", { minutes: Math.ceil(retry / 60) })}` : e.message);
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: "100vh", background: "linear-gradient(135deg, #0b3d91 0%, #1557b0 55%, #3a7bd5 100%)" }}>
      <Card style={{ width: 400, boxShadow: "0 8px 32px rgba(0,0,0,.25)" }}>
        <Flex justify="flex-end">
          <Segmented<Lang>
            size="small"
            value={i18n.language.startsWith("en") ? "en" : "zh-CN"}
            options={[
              { value: "zh-CN", label: "中文" },
              { value: "en", label: "English" },
            ]}
            onChange={setLang}
          />
        </Flex>
        <Typography.Title level={3} style={{ textAlign: "center", marginTop: 8, marginBottom: 4 }}>
          建设工程智慧管理云平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          {t("app.subtitle")}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<LoginInput> layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label={t("login.username")} rules={[{ required: true, message: t("login.usernameRequired") }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t("login.password")} rules={[{ required: true, message: t("login.passwordRequired") }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
      <Typography.Text style={{ color: "rgba(255,255,255,.75)", marginTop: 24 }}>{t("login.footer")}</Typography.Text>
    </Flex>
  );
}
