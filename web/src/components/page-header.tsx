import type { ReactNode } from "react";
import { Flex, Typography } from "antd";

/** Page title with an optional count or status beside it and actions on the right. */
export function PageHeader({ title, extra, actions }: { title: ReactNode; extra?: ReactNode; actions?: ReactNode }) {
  return (
    <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      <Flex gap={8} wrap>
        {actions}
      </Flex>
    </Flex>
  );
}
