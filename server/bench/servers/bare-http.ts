// The ceiling: the least a Node HTTP server can do to answer JSON.
import http from 'node:http';

const port = Number(process.env.PORT);
const body = JSON.stringify({ status: 'ok' });
http
  .createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  })
  .listen(port, '127.0.0.1', () => console.log('ready'));
