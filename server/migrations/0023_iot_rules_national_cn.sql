-- One rule vocabulary (contracts/platform/rules.ts): the national default is CN in both rule tables; the
-- device rules called it *. The /rules API keeps answering * (and accepts both).
UPDATE "iot_rules" SET "region" = 'CN' WHERE "region" = '*';
