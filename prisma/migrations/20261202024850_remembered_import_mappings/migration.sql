-- AlterTable
ALTER TABLE "import_batches" ADD COLUMN     "headerKey" TEXT,
ADD COLUMN     "mappingRemembered" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "import_mappings" (
    "tenantId" UUID NOT NULL,
    "headerKey" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_mappings_pkey" PRIMARY KEY ("tenantId","headerKey")
);

-- AddForeignKey
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
