-- AlterTable
ALTER TABLE "inbound_messages" ADD COLUMN     "possibleOptOut" BOOLEAN NOT NULL DEFAULT false;
