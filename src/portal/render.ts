// Turns a page element into the HTML document the server sends.
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { FastifyReply } from 'fastify';

export function renderPage(element: ReactElement): string {
  return `<!doctype html>${renderToString(element)}`;
}

/** Sends a rendered page. Pages differ by the preferences cookie, so caches must not share them. */
export function sendPage(reply: FastifyReply, element: ReactElement, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'Cookie')
    .send(renderPage(element));
}
