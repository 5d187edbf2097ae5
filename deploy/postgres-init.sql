-- One database per system of record; run once by the postgres container on first start.
CREATE DATABASE crm;
CREATE DATABASE billing;
CREATE DATABASE erp;
CREATE DATABASE customer_success;
CREATE DATABASE ops;
