import { Button, Flex, Typography } from "antd";
import { FullscreenOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { LiveIndicator } from "../../iot/components/live-indicator";
import { CommandBoard } from "../components/command-board";

/** 驾驶舱 in the console: the command center between the menu and the header. `?screen=big` opens the big screen. */
export default function CommandPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  if (sp.get("screen") === "big") return <Navigate to="/command/screen" replace />;
  return (
    <RequirePermission permission="registry.project.read">
      <PageHeader
        title={t("command.consoleTitle")}
        extra={
          <Flex gap={12} align="center">
            <LiveIndicator />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("command.scope")}
            </Typography.Text>
          </Flex>
        }
        actions={
          <Button icon={<FullscreenOutlined />} onClick={() => void navigate("/command/screen")}>
            {t("command.bigScreen")}
          </Button>
        }
      />
      <CommandBoard big={false} />
    </RequirePermission>
  );
}
