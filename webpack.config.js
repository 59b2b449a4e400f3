// Builds the add-in: taskpane.html (loads office.js, the functions chunk and the pane), functions.js
// and functions.json (generated from the JSDoc of src/functions/functions.ts), the manifest and icons.
// Development serves https://localhost:3000; production rewrites every dev URL in the manifest to the
// production base URL (OPTEX_BASE_URL, default package.json config.productionBaseUrl).
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const pkg = require("./package.json");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** The production base URL, always ending in "/". */
function productionBaseUrl() {
  const url = process.env.OPTEX_BASE_URL || pkg.config.productionBaseUrl;
  if (!/^https:\/\//.test(url)) throw new Error(`OPTEX_BASE_URL must be an https:// URL, got ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Rewrites every occurrence of the dev URL (a global replace, not just the first), and the bare dev
 * origin (AppDomain) to the production origin.
 */
function rewriteUrls(content, baseUrl) {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const devOrigin = DEV_URL.replace(/\/$/, "");
  return content
    .toString()
    .replace(new RegExp(escape(DEV_URL), "g"), baseUrl)
    .replace(new RegExp(escape(devOrigin), "g"), new URL(baseUrl).origin);
}

/** HTTPS options for the dev server: Office's dev certificates, installed when possible. */
async function httpsOptions() {
  const certs = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  try {
    return await certs.getHttpsServerOptions();
  } catch (error) {
    // On Linux the CA is installed with sudo; as root without sudo (or without a password) that fails.
    // Serve with the generated certificates anyway and say how to trust them.
    const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
    if (!files.every((f) => fs.existsSync(f))) await certs.generateCertificates();
    console.warn(
      `\noptex: could not install the development CA in the system store (${String(error.message || error).trim()}).\n` +
        `       Serving with the generated certificates; to trust them, import ${defaults.caCertificatePath}\n` +
        `       into your browser's (or system's) trusted authorities.\n`,
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

const SIDELOAD_HELP = `
optex is being served at ${DEV_URL} (taskpane.html, functions.js, functions.json, manifest.xml).

Sideload it into Excel on the web:
  1. Open a workbook at https://excel.cloud.microsoft (or office.com > Excel).
  2. Home > Add-ins > More Settings > Upload My Add-in (older layouts: Insert > Add-ins > Upload My Add-in).
  3. Choose manifest.xml from this folder (${__dirname}) and Upload.
  4. Type =OPTEX. in a cell for the functions; open the pane from Home > optex.
The browser must trust the development certificate: open ${DEV_URL}taskpane.html once and accept it,
or import ~/.office-addin-dev-certs/ca.crt into your trusted authorities. Stop with Ctrl+C.
`;

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const baseUrl = dev ? DEV_URL : productionBaseUrl();
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".html"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } } },
        },
        {
          test: /\.csv$/,
          type: "asset/source",
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : rewriteUrls(content, baseUrl)),
          },
        ],
      }),
    ],
    devServer: dev
      ? {
          static: { directory: path.join(__dirname, "dist"), publicPath: "/" },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: env.WEBPACK_SERVE ? await httpsOptions() : {} },
          port: process.env.npm_package_config_dev_server_port || DEV_PORT,
          host: "localhost",
          allowedHosts: "all",
          client: { overlay: false },
          onListening: () => console.log(SIDELOAD_HELP),
        }
      : undefined,
  };
};

module.exports.rewriteUrls = rewriteUrls;
module.exports.DEV_URL = DEV_URL;
