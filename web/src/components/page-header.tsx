import type { ReactNode } from "react";
import { Breadcrumb, Flex, Typography } from "antd";
import { Link } from "react-router";

interface Props {
  title: ReactNode;
  /** A count or status tag beside the title. */
  extra?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
  /** The list a detail page belongs to, shown as a breadcrumb above the title. */
  parent?: { to: string; label: string };
}

/** Page title with an optional breadcrumb, a tag beside it and actions on the right. */
export function PageHeader({ title, extra, actions, parent }: Props) {
  return (
    <div style={{ marginBottom: 12 }}>
      {parent && <Breadcrumb style={{ marginBottom: 4 }} items={[{ title: <Link to={parent.to}>{parent.label}</Link> }, { title }]} />}
      <Flex align="center" justify="space-between" wrap gap={8}>
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
    </div>
  );
}
