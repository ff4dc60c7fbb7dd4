// A file made in the browser, offered to the reader as a download (a calendar file, say).

import { download } from "./dom.js";

export const offerDownload = (text, fileName, mimeType) => download(fileName, mimeType, text);
