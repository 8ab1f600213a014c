import { Descriptions, type DescriptionsProps } from "antd";

/** 基本信息 of a record: bordered, dense, one to three fields a row as the screen widens. */
export function InfoDescriptions({ items }: { items: DescriptionsProps["items"] }) {
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}
