/* API routes of the client archive (docs/client-archive.md): a firm admin
 * exports a client, and imports an archive as a new client. */
#ifndef RP_API_ARCHIVE_H
#define RP_API_ARCHIVE_H
struct rp_req;
/* GET /api/v1/clients/{id}/archive: the zip (application/zip attachment). */
int rp_api_client_archive(struct rp_req *);
/* POST /api/v1/clients/import, the zip as an application/zip body: 201
 * with the new client. */
int rp_api_clients_import(struct rp_req *);
/* The same for the pages: GET /clients/{id}/archive downloads it, POST
 * /clients/import (multipart field "file") imports and opens the client. */
int rp_ui_client_archive(struct rp_req *);
int rp_ui_clients_import(struct rp_req *);
#endif
