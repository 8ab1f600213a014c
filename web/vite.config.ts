import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The web console: built into web/dist, which the Fastify server serves at `/`. */
export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: { alias: { "@contracts": path.resolve(here, "../contracts") } },
  build: {
    outDir: path.resolve(here, "dist"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Split the heavy, rarely changing libraries so an app change does not re-download them.
        advancedChunks: {
          groups: [
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)/ },
            { name: "antd", test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-)/ },
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:8080", changeOrigin: true } },
  },
});
