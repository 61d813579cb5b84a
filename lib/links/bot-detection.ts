/**
 * Whether a click on a short link came from a person. The rules, in order:
 * 1. HEAD requests: link checkers ask for headers, people's browsers do not.
 * 2. No user agent at all.
 * 3. Link-preview fetchers of messaging apps and social sites (iMessage, WhatsApp,
 *    Telegram, Slack, Discord, Facebook, Twitter/X, LinkedIn, Skype, Viber, Google's
 *    page renderer and read-aloud).
 * 4. Security scanners that open links in messages (Proofpoint, Mimecast, Barracuda,
 *    Microsoft Safe Links/BingPreview, Symantec, Trend Micro).
 * 5. Programs rather than browsers (curl, wget, python-requests, Go, Java, okhttp,
 *    axios, node-fetch) and headless browsers.
 * 6. Crawlers, monitors and other automated agents, as isbot knows them.
 * 7. Within 2 seconds of delivery, any agent not a recognisable phone browser: no
 *    person reads an SMS and taps its link that fast.
 */
import { isbot } from 'isbot';

export interface ClickClassification {
  isBot: boolean;
  reason: string | null;
}

const PREVIEW =
  /facebookexternalhit|facebot|twitterbot|slackbot|slack-imgproxy|discordbot|telegrambot|whatsapp|linkedinbot|skypeuripreview|viber|snapchat|pinterest|embedly|iframely|google-pagerenderer|google-read-aloud|applebot|redditbot|line\/|kakaotalk-scrap/i;
// iMessage fetches previews as a desktop Safari/Facebook agent pair from Apple's network.
const IMESSAGE =
  /^Mozilla\/5\.0 \(Macintosh; Intel Mac OS X 10_11_1\) AppleWebKit\/601\.2\.4 \(KHTML, like Gecko\) Version\/9\.0\.1 Safari\/601\.2\.4 facebookexternalhit\/1\.1 Facebot Twitterbot\/1\.0$/;
const SCANNER =
  /proofpoint|mimecast|barracuda|bingpreview|safelinks|symantec|trendmicro|forcepoint|zscaler|urlscan|virustotal/i;
// Named so reports can tell a script from a crawler; isbot alone would call them all crawlers.
const PROGRAM =
  /^(curl|wget|python-requests|python-urllib|go-http-client|java\/|okhttp|axios|node-fetch|undici|libwww-perl|httpclient|postmanruntime|insomnia)|headlesschrome|phantomjs|puppeteer|playwright/i;
const PHONE_BROWSER = /(iphone|ipad|android).*(safari|chrome|samsungbrowser|firefox|crios|fxios)|mobile.*safari/i;

export interface ClassifyClickInput {
  method: string;
  userAgent: string | null;
  secondsSinceDelivery: number | null;
}

export function classifyClick(input: ClassifyClickInput): ClickClassification {
  const ua = input.userAgent?.trim() ?? '';
  if (input.method === 'HEAD') return { isBot: true, reason: 'HEAD request (link checker)' };
  if (!ua) return { isBot: true, reason: 'no user agent' };
  if (IMESSAGE.test(ua) || PREVIEW.test(ua)) return { isBot: true, reason: 'link preview' };
  if (SCANNER.test(ua)) return { isBot: true, reason: 'security scanner' };
  if (PROGRAM.test(ua)) return { isBot: true, reason: 'program or headless browser' };
  // isbot's list is maintained against real traffic: it learns new crawlers and spares
  // phones whose model name merely ends in "bot" (Cubot).
  if (isbot(ua)) return { isBot: true, reason: 'crawler' };
  if (
    input.secondsSinceDelivery !== null &&
    input.secondsSinceDelivery >= 0 &&
    input.secondsSinceDelivery < 2 &&
    !PHONE_BROWSER.test(ua)
  ) {
    return { isBot: true, reason: 'opened within 2 s of delivery by a non-phone agent' };
  }
  return { isBot: false, reason: null };
}
