CREATE TABLE "category" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_name" text,
	"description" text,
	"client_id" integer
);
--> statement-breakpoint
CREATE TABLE "customer" (
	"id" varchar(16) PRIMARY KEY NOT NULL,
	"company_name" text,
	"contact_name" text,
	"contact_title" text,
	"address" text,
	"city" text,
	"region" text,
	"postal_code" text,
	"country" text,
	"phone" text,
	"fax" text,
	"balance" numeric(14, 2) DEFAULT '0' NOT NULL,
	"credit_limit" numeric(14, 2) DEFAULT '1000' NOT NULL,
	"order_count" integer DEFAULT 0 NOT NULL,
	"unpaid_order_count" integer DEFAULT 0 NOT NULL,
	"client_id" integer
);
--> statement-breakpoint
CREATE TABLE "customer_demographic" (
	"id" varchar(16) PRIMARY KEY NOT NULL,
	"customer_desc" text
);
--> statement-breakpoint
CREATE TABLE "department" (
	"id" serial PRIMARY KEY NOT NULL,
	"department_id" integer,
	"department_name" varchar(100),
	"security_level" integer DEFAULT 0
);
--> statement-breakpoint
CREATE TABLE "employee" (
	"id" serial PRIMARY KEY NOT NULL,
	"last_name" text,
	"first_name" text,
	"title" text,
	"title_of_courtesy" text,
	"birth_date" date,
	"hire_date" date,
	"address" text,
	"city" text,
	"region" text,
	"postal_code" text,
	"country" text,
	"home_phone" text,
	"extension" text,
	"notes" text,
	"reports_to" integer,
	"photo_path" text,
	"employee_type" varchar(16) DEFAULT 'Salaried',
	"salary" numeric(14, 2),
	"works_for_department_id" integer,
	"on_loan_department_id" integer,
	"union_id" integer,
	"dues" numeric(14, 2),
	"email" text
);
--> statement-breakpoint
CREATE TABLE "employee_audit" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text,
	"salary" numeric(14, 2),
	"last_name" text,
	"first_name" text,
	"employee_id" integer,
	"created_on" timestamp,
	"updated_on" timestamp,
	"created_by" text,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "employee_territory" (
	"id" varchar(32) PRIMARY KEY NOT NULL,
	"employee_id" integer NOT NULL,
	"territory_id" varchar(16)
);
--> statement-breakpoint
CREATE TABLE "location" (
	"country" varchar(50) NOT NULL,
	"city" varchar(50) NOT NULL,
	"notes" varchar(256),
	CONSTRAINT "location_country_city_pk" PRIMARY KEY("country","city")
);
--> statement-breakpoint
CREATE TABLE "order" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" varchar(16) NOT NULL,
	"employee_id" integer NOT NULL,
	"order_date" date DEFAULT now(),
	"required_date" date,
	"shipped_date" date,
	"ship_via" integer,
	"freight" numeric(14, 2) DEFAULT '0',
	"ship_name" text,
	"ship_address" text,
	"ship_city" text,
	"ship_region" text,
	"ship_postal_code" text,
	"ship_country" text,
	"amount_total" numeric(14, 2) DEFAULT '0' NOT NULL,
	"country" varchar(50),
	"city" varchar(50),
	"ready" boolean DEFAULT false NOT NULL,
	"order_detail_count" integer DEFAULT 0 NOT NULL,
	"clone_from_order" integer,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "order_detail" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"unit_price" numeric(14, 2) DEFAULT '0' NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"discount" numeric(4, 3) DEFAULT '0',
	"amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"shipped_date" date
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_name" text NOT NULL,
	"supplier_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"quantity_per_unit" text,
	"unit_price" numeric(14, 2) NOT NULL,
	"units_in_stock" integer DEFAULT 0 NOT NULL,
	"units_on_order" integer DEFAULT 0 NOT NULL,
	"reorder_level" integer DEFAULT 0 NOT NULL,
	"discontinued" boolean DEFAULT false NOT NULL,
	"units_shipped" integer DEFAULT 0 NOT NULL,
	"carbon_neutral" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_description" text
);
--> statement-breakpoint
CREATE TABLE "app_role" (
	"name" varchar(64) PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_db_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"notes" varchar(800)
);
--> statement-breakpoint
CREATE TABLE "shipper" (
	"id" serial PRIMARY KEY NOT NULL,
	"company_name" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "supplier" (
	"id" serial PRIMARY KEY NOT NULL,
	"company_name" text,
	"contact_name" text,
	"contact_title" text,
	"address" text,
	"city" text,
	"region" text,
	"postal_code" text,
	"country" text,
	"phone" text,
	"fax" text,
	"home_page" text
);
--> statement-breakpoint
CREATE TABLE "territory" (
	"id" varchar(16) PRIMARY KEY NOT NULL,
	"territory_description" text,
	"region_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "union" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(80)
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"name" varchar(128),
	"client_id" integer,
	"username" varchar(128) NOT NULL,
	"password_hash" varchar(200) NOT NULL,
	"region" varchar(32),
	"customer_id" varchar(16),
	CONSTRAINT "app_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "app_user_role" (
	"user_id" varchar(64) NOT NULL,
	"role_name" varchar(32) NOT NULL,
	"notes" text,
	CONSTRAINT "app_user_role_user_id_role_name_pk" PRIMARY KEY("user_id","role_name")
);
--> statement-breakpoint
ALTER TABLE "department" ADD CONSTRAINT "department_parent_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "employee" ADD CONSTRAINT "employee_works_for_department_id_department_id_fk" FOREIGN KEY ("works_for_department_id") REFERENCES "public"."department"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "employee" ADD CONSTRAINT "employee_on_loan_department_id_department_id_fk" FOREIGN KEY ("on_loan_department_id") REFERENCES "public"."department"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "employee" ADD CONSTRAINT "employee_union_id_union_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."union"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee" ADD CONSTRAINT "employee_reports_to_fk" FOREIGN KEY ("reports_to") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_audit" ADD CONSTRAINT "employee_audit_employee_id_employee_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_territory" ADD CONSTRAINT "employee_territory_employee_id_employee_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_territory" ADD CONSTRAINT "employee_territory_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_employee_id_employee_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_ship_via_shipper_id_fk" FOREIGN KEY ("ship_via") REFERENCES "public"."shipper"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_location_fk" FOREIGN KEY ("country","city") REFERENCES "public"."location"("country","city") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_clone_from_order_fk" FOREIGN KEY ("clone_from_order") REFERENCES "public"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_detail" ADD CONSTRAINT "order_detail_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_detail" ADD CONSTRAINT "order_detail_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_supplier_id_supplier_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."supplier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_category_id_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory" ADD CONSTRAINT "territory_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user_role" ADD CONSTRAINT "app_user_role_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user_role" ADD CONSTRAINT "app_user_role_role_name_app_role_name_fk" FOREIGN KEY ("role_name") REFERENCES "public"."app_role"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_customer_id_idx" ON "order" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "order_employee_id_idx" ON "order" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "order_detail_order_id_idx" ON "order_detail" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_detail_product_id_idx" ON "order_detail" USING btree ("product_id");