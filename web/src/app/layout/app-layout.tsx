import { Suspense, useState } from "react";
import { Grid, Layout } from "antd";
import { Outlet } from "react-router";
import { PageLoading } from "../../components/page-loading";
import { useMe } from "../../auth/use-can";
import { HeaderBar } from "./header-bar";
import { SideMenu } from "./side-menu";

/**
 * The console frame: dark sider with the module menu, header with language and user menu, page in the middle.
 * On a phone the sider folds away entirely (its tab opens it) so the page gets the whole width.
 */
export default function AppLayout() {
  const me = useMe();
  const phone = Grid.useBreakpoint().md === false;
  const [collapsed, setCollapsed] = useState(false);
  // Until /auth/me answers we do not know the menu; a 401 is redirected to /login by the API client.
  if (!me.data) return <PageLoading />;
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        width={208}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="md"
        onBreakpoint={setCollapsed}
        collapsedWidth={phone ? 0 : 80}
        // The folded sider's tab sits in the header's left corner, not over the page title.
        zeroWidthTriggerStyle={{ top: 12 }}
        theme="dark"
        style={{ position: "sticky", top: 0, height: "100vh", overflow: phone ? "visible" : "auto", zIndex: 20 }}
      >
        <SideMenu me={me.data} collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <HeaderBar me={me.data} compact={phone} />
        <Layout.Content style={{ padding: phone ? 8 : 16, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
