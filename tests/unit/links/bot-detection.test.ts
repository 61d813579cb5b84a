import { describe, expect, it } from 'vitest';
import { classifyClick } from '@/lib/links/bot-detection';

const HUMANS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/130.0.6723.90 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
];

const BOTS: [string, string][] = [
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0',
    'link preview',
  ],
  ['WhatsApp/2.23.20.0', 'link preview'],
  ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'link preview'],
  ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'link preview'],
  ['TelegramBot (like TwitterBot)', 'link preview'],
  ['Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'link preview'],
  ['LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', 'link preview'],
  [
    'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2272.96 Mobile Safari/537.36 (compatible; Google-PageRenderer)',
    'link preview',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b',
    'security scanner',
  ],
  ['Mozilla/5.0 (compatible; Proofpoint URL Defense)', 'security scanner'],
  ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'crawler'],
  ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'crawler'],
  ['curl/8.5.0', 'program or headless browser'],
  ['python-requests/2.32.3', 'program or headless browser'],
  ['Go-http-client/1.1', 'program or headless browser'],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
    'program or headless browser',
  ],
];

// Real agents of the phone browsers most recipients tap links in; none may look like a bot.
const PHONE_BROWSERS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_7_10 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8 Pro) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.107 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14; SM-S928B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
];

// Crawlers and monitors that name themselves in no word our own rules look for.
const UNNAMED_CRAWLERS = [
  'Site24x7',
  'Scrapy/2.11.0 (+https://scrapy.org)',
  'Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)',
];

describe('classifyClick', () => {
  it.each(HUMANS)('counts a person on %s', (userAgent) => {
    expect(classifyClick({ method: 'GET', userAgent, secondsSinceDelivery: 45 })).toEqual({
      isBot: false,
      reason: null,
    });
  });

  it.each(BOTS)('flags %s as %s', (userAgent, reason) => {
    expect(classifyClick({ method: 'GET', userAgent, secondsSinceDelivery: null })).toEqual({ isBot: true, reason });
  });

  it.each(PHONE_BROWSERS)('counts a person on the phone browser %s, even within 2 seconds of delivery', (userAgent) => {
    for (const secondsSinceDelivery of [45, 1.2]) {
      expect(classifyClick({ method: 'GET', userAgent, secondsSinceDelivery })).toEqual({ isBot: false, reason: null });
    }
  });

  it.each(UNNAMED_CRAWLERS)('flags %s as a crawler', (userAgent) => {
    expect(classifyClick({ method: 'GET', userAgent, secondsSinceDelivery: null })).toEqual({
      isBot: true,
      reason: 'crawler',
    });
  });

  it('flags HEAD requests and requests without a user agent', () => {
    expect(classifyClick({ method: 'HEAD', userAgent: HUMANS[0], secondsSinceDelivery: 60 }).reason).toBe(
      'HEAD request (link checker)',
    );
    expect(classifyClick({ method: 'GET', userAgent: null, secondsSinceDelivery: 60 }).reason).toBe('no user agent');
  });

  it('flags a desktop agent opening the link within 2 seconds of delivery, but not a phone browser', () => {
    expect(classifyClick({ method: 'GET', userAgent: HUMANS[4], secondsSinceDelivery: 1.2 }).isBot).toBe(true);
    expect(classifyClick({ method: 'GET', userAgent: HUMANS[0], secondsSinceDelivery: 1.2 }).isBot).toBe(false);
    expect(classifyClick({ method: 'GET', userAgent: HUMANS[4], secondsSinceDelivery: 2.5 }).isBot).toBe(false);
  });
});
