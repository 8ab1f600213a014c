import { Flex, Spin } from "antd";

/** Centered spinner for a page or a lazy chunk that is still loading. */
export function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240, height: "100%" }}>
      <Spin />
    </Flex>
  );
}
